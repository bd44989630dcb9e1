if (answer === "yes please") { proceed(); }
const label = "10 km";
const padded = "  1";
