package org.chinwag.accounts;

/**
 * Something a person asked of the accounts that cannot be done, said so they can put it right
 * ("Enter an email address like name@example.gov.uk"); pages show it in an error summary, the
 * command line prints it. {@code field} names the form field at fault (null: none in particular).
 */
public final class AccountProblem extends RuntimeException {

    private final String field;

    public AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
