/** Returned by a method table when the receiver has no such method. */
export const NO_METHOD: unique symbol = Symbol("no such method");
