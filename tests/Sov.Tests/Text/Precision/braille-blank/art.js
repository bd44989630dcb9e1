const frames = ["⠋⠀", "⠀⠙", "⣿⠀⣿"];
