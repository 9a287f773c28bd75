/** 核对引擎的 Spark 运行器: the same rule catalogue on Apache Spark. */
package cn.minzheng.verification.spark;
