/**
 * The rules of social assistance as plain Java: each policy is a small class that takes facts and parameter values,
 * returns its answer with a trace (what was counted, under which article), and needs neither Spring nor a database.
 * Used inside this module only (its domain and its {@code web} package).
 */
package cn.minzheng.assistance.rules;
