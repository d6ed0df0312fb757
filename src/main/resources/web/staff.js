// GOV.UK Frontend's components (error summary focus, notification banners, buttons), from the
// service itself: the layout names the module's path (it carries GOV.UK Frontend's version).
const { initAll } = await import(document.querySelector('script[data-govuk]').dataset.govuk);

initAll();
