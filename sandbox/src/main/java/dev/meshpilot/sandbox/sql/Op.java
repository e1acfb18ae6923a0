package dev.meshpilot.sandbox.sql;

/** One VDBE instruction, as a row of {@code EXPLAIN}. */
record Op(int addr, String opcode, long p1, long p2, long p3, String p4, int p5) {}
