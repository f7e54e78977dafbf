"""Keys, DIDs, Data Integrity proofs, status lists and verification: everything that needs no private key."""
