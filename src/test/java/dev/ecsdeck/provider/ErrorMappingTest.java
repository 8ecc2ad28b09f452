package dev.ecsdeck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    @Test
    void mapsEcsErrorCodesToTypedErrorsKeepingCodeAndMessage() {
        EcsException e = ErrorMapping.map(Operation.UPDATE_SERVICE, "ServiceNotFoundException", "Service not found.", 400, null);
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("ServiceNotFoundException", e.errorCode());
        assertEquals("UpdateService failed: ServiceNotFoundException: Service not found.", e.summary());

        assertInstanceOf(NotFoundException.class,
                ErrorMapping.map(Operation.DESCRIBE_TASK_DEFINITION, "ClientException", "Unable to describe task definition.", 400, null));
        assertInstanceOf(InvalidInputException.class,
                ErrorMapping.map(Operation.REGISTER_TASK_DEFINITION, "ClientException", "Container list cannot be empty.", 400, null));
        assertInstanceOf(ThrottledException.class, ErrorMapping.map(Operation.LIST_SERVICES, "ThrottlingException", "Rate exceeded", 400, null));
        assertInstanceOf(UnavailableException.class, ErrorMapping.map(Operation.LIST_SERVICES, "ServerException", "boom", 500, null));
        assertInstanceOf(UnavailableException.class, ErrorMapping.map(Operation.LIST_SERVICES, "InternalError", "boom", 503, null));
        AccessDeniedException denied = assertInstanceOf(AccessDeniedException.class,
                ErrorMapping.map(Operation.LIST_CLUSTERS, "ExpiredTokenException", "The security token included in the request is expired", 400, null));
        assertNotNull(denied.remedy());
    }

    @Test
    void findsTheFieldNamedInAMessage() {
        InvalidInputException e = (InvalidInputException) ErrorMapping.map(Operation.UPDATE_SERVICE, "InvalidParameterException",
                "Invalid value for field 'desiredCount'", 400, null);
        assertEquals("desiredCount", e.fieldPath());
    }

    @Test
    void namesTheCallWhenRaisedOutsideOne() {
        EcsException bare = new ThrottledException(null, "ThrottlingException", "Rate exceeded");
        EcsException named = bare.withOperation(Operation.DESCRIBE_SERVICES);
        assertInstanceOf(ThrottledException.class, named);
        assertEquals(Operation.DESCRIBE_SERVICES, named.operation());
    }
}
