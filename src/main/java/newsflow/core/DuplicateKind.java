package newsflow.core;

/** Why a duplicate was dropped: the same normalised body, or nearly the same text. */
public enum DuplicateKind { EXACT, NEAR }
