// A run that hangs says which tests held it (see Sov.TestKit/Diagnostics/HangWatchAttribute).
[assembly: Sov.TestKit.Diagnostics.HangWatch]
