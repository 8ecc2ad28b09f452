package dev.ecsdeck.provider;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reflection over {@link EcsProvider} for tests that must cover every method. */
final class ProviderMethods {
    private ProviderMethods() {}

    /** Every abstract or default method of the interface except description() and close(). */
    static List<Method> calls() {
        List<Method> out = new ArrayList<>();
        for (Method m : EcsProvider.class.getMethods()) {
            if (m.getDeclaringClass() == EcsProvider.class && !Modifier.isStatic(m.getModifiers())
                    && !m.getName().equals("description") && !m.getName().equals("close") && !m.getName().equals("onRetry")) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    static boolean mutating(Method m) {
        return m.isAnnotationPresent(Mutating.class);
    }

    /** Harmless arguments for any provider method. */
    static Object[] dummyArguments(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(ProviderMethods::dummy).toArray();
    }

    private static Object dummy(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == List.class) {
            return List.of("x");
        }
        return null;
    }

    /** A provider that records the names of the methods called and returns empty results. */
    static EcsProvider recording(List<String> calls) {
        return (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(), new Class<?>[] {EcsProvider.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    Class<?> r = method.getReturnType();
                    if (r == List.class) {
                        return List.of();
                    }
                    if (r == Optional.class) {
                        return Optional.empty();
                    }
                    if (r == BackendDescription.class) {
                        return BackendDescription.simulator("test");
                    }
                    return null;
                });
    }
}
