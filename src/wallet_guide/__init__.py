"""MkDocs plugins and tooling for the bilingual digital-wallet troubleshooting guide."""
