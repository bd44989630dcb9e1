const Αlpha = 1;
const gοod = 2;
