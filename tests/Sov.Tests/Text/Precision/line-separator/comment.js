// check the token first  grantAccess();
run();
