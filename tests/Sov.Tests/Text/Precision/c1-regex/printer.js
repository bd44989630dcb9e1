const PLAIN_IDENT_RE = /^-?[A-Za-z_-\uFFFF][\w-\uFFFF-]*$/;
