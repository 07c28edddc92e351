package org.wayfinder.query.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard page is static (query-side's {@code static/dashboard}); its data comes from the API with a token. */
@Controller
class DashboardPageController {

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "redirect:/dashboard/index.html";
    }
}
