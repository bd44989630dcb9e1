var qs="\uFEFF",Fs="",Ks="",Vn="";
