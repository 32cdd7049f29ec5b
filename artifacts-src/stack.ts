// The oldest Elastic Stack version the full feature set of the bundle runs
// on. Kibana 8.8.0 is the first release whose saved-object import reads
// `typeMigrationVersion`, which every saved object of the bundle carries.
export const MINIMUM_STACK_VERSION = "8.8.0";
