"""What the site publishes: documents, pages, badge images, feeds, search index, theme files, host headers."""
