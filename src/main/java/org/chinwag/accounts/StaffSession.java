package org.chinwag.accounts;

/** A signed-in staff member: who, the CSRF token their forms carry, and when they signed in (epoch ms). */
public record StaffSession(StaffUser user, String csrfToken, long signedInAt) {

    public Role role() {
        return user.role();
    }
}
