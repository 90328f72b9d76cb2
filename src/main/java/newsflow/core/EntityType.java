package newsflow.core;

/** The entity types newsflow tags, as in CoNLL-2003. */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
