user = "root⠀"
