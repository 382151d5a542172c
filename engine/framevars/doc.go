// Package framevars finds the variables of a function's frame that code
// made in it names (a lambda's body, metacode), so that the code keeps
// their values once the frame is gone.
package framevars
