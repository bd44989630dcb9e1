if (name === "ᅟroot") { grant(); }
const ㅤ = 1;
