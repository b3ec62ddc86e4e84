package cn.smartunion.aid.aidapplication.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

/**
 * Applications within the caller's subtree. A student's details are restricted data: aid staff see them masked, the
 * school only on a single record; analysts see neither.
 */
@Service
public class ApplicationQueries {

    private final AidApplications applications;
    private final PersonalDataProtector protector;

    ApplicationQueries(AidApplications applications, PersonalDataProtector protector) {
        this.applications = applications;
        this.protector = protector;
    }

    public record Found(AidApplication application, AidApplications.Paid paid, boolean studentVisible,
                        String school) {
    }

    public Found get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        AidApplication application = applications.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("aid application not found"));
        boolean staff = isStaff(caller);
        String school = staff && application.student() != null
                ? protector.decrypt(application.student().schoolCiphertext()) : null;
        return new Found(application, applications.paid(id), staff, school);
    }

    public PageView<Found> list(OrgPrincipal caller, AidApplications.Filter filter, int page, int size) {
        AidAccess.requireReader(caller);
        boolean staff = isStaff(caller);
        return new PageView<>(applications.listWithin(caller.orgPath(), filter, page, size).stream()
                .map(a -> new Found(a, null, staff, null)).toList(), page, size,
                applications.countWithin(caller.orgPath(), filter));
    }

    private static boolean isStaff(OrgPrincipal caller) {
        return caller.hasRole(AidAccess.OFFICER) || caller.hasRole(AidAccess.APPROVER);
    }
}
