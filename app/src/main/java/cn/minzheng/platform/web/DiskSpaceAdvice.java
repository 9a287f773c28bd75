package cn.minzheng.platform.web;

import cn.minzheng.platform.DiskSpaceWatch;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The free-space warning of {@link DiskSpaceWatch} on every page, so that someone calls the administrator in time. */
@ControllerAdvice(annotations = Controller.class)
class DiskSpaceAdvice {

    private final DiskSpaceWatch disk;

    DiskSpaceAdvice(DiskSpaceWatch disk) {
        this.disk = disk;
    }

    @ModelAttribute("diskWarning")
    String diskWarning() {
        return disk.warning().orElse(null);
    }
}
