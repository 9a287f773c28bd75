/** 家庭经济状况核对引擎: plain Java, no Spring. */
package cn.minzheng.verification.core;
