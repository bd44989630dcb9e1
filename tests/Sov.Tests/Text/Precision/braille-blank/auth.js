if (role === "admin⠀") { grant(); }
