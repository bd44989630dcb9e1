const expected = "admin᠎";
