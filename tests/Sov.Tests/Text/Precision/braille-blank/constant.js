const BLANK = "⠀";
