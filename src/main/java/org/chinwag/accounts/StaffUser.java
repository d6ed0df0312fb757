package org.chinwag.accounts;

/** A staff account as pages and the command line show it (never its password hash). */
public record StaffUser(int id, String email, Role role, boolean disabled, long createdAt) {}
