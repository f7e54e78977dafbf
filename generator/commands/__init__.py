"""The credsite command line and the development server."""
