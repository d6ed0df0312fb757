package org.chinwag.accounts;

import java.util.Locale;

/** What the staff audit trail records (the stored word is {@link #id()}: {@code sign_in}, {@code role_changed}, ...). */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_OUT, USER_ADDED, ROLE_CHANGED, USER_DISABLED, PASSWORD_RESET;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
