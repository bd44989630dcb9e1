# check the token first  grant_access()
