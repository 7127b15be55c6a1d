"""What both front ends share: the presenter (pure), plain mode, player preferences."""
