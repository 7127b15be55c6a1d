"""Articles: blocks and passages with exact offsets, sentences, and locating evidence quotes in them."""
