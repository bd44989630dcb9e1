module.exports={"nbsp":" ","shy":"­"};
