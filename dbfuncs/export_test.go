package dbfuncs

// LikeMatch exposes likeMatch to the external tests.
var LikeMatch = likeMatch
