/** An address as the desk stores and compares it: `Ada@Example.org ` and `ada@example.org` are one account. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();
