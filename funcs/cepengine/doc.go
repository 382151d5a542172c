// Package cepengine is DolphinDB's complex event processing engine
// (stream/cep_engine.md): createCEPEngine with its monitors and
// sub-engines, the event listeners monitors add (addEventListener:
// matching by type and condition, times, and the wait, within and
// exceedTime timers), the routing of events (appendEvent, sendEvent,
// routeEvent, emitEvent), spawned monitors, the event serializer
// (streamEventSerializer) that writes emitted events to a heterogeneous
// stream table and the deserializing of such tables' rows appended to
// the engine, and the engine's statistics (getCEPEngineStat).
//
// The engine processes each appended event to the end, with every event
// it routes or sends and the timers it passes, before the append
// returns: DolphinDB's sub-engines do this on threads of their own, so
// a script sees the same results once they are idle. With
// useSystemTime=false the engine's clock is the events' time, which is
// how timers are tested without waiting.
package cepengine
