"""The signing side: keys, issuing, revoking and reissuing. Only commands import it; the build never does."""
