"""The signing side: keys, issuing, revoking and reissuing. Only commands import it; the build never does.

keys (key files), signing (the signing key, old public keys, the status list), issue,
revoke, reissue (one command each), references (which credential a user means),
learners and cohort (who to issue to), dates and files (shared helpers).
"""
