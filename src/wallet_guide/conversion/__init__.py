"""Generated languages: Traditional Chinese for Taiwan and Hong Kong, converted from the zh source
at build time with OpenCC and a reviewed overrides file per region (data/conversion/<lang>.yml)."""
