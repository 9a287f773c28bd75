package cn.minzheng.platform;

import cn.minzheng.shared.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The district this installation serves (雁塔区, 610113 by default). Its scope is the widest one: what system jobs
 * (reference data, scheduled reviews, the demo loader) run under.
 */
@Component
public class District {

    private final String code;
    private final String name;

    District(@Value("${minzheng.district.code}") String code, @Value("${minzheng.district.name}") String name) {
        this.code = cn.minzheng.shared.RegionCode.of(code).value();
        this.name = name;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public DataScope scope() {
        return DataScope.of(code);
    }
}
