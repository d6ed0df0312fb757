// GOV.UK Frontend's styles for script-enhanced components apply once the page knows scripts run.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
