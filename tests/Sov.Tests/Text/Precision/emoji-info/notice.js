console.log("ℹ️ info"); const i = 1;
