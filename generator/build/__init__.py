"""The build pipeline: load, verify, plan, render and write the site atomically."""
