// Package oop is DolphinDB's script classes (progr/oop.md): a class's
// member variables, methods and single base class, the objects made from
// it with their attribute values, method lookup with overriding
// (progr/inheritance.md), and the utility functions over objects
// (objCall, unifiedObjCall, makeObjCall, makeUnifiedObjCall,
// isInstanceOf, setAttr: progr/utility.md).
//
// Running a method's body is the interpreter's: it calls a Method (an
// object bound to a method definition) with the object's attributes in
// scope after the method's own parameters, and self naming the object.
package oop
