/**
 * The rules of social assistance as plain Java: each policy is a small class that takes facts and parameter values,
 * returns its answer with a trace (what was counted, under which article), and needs neither Spring nor a database.
 */
@org.springframework.modulith.NamedInterface("rules")
package cn.minzheng.assistance.rules;
