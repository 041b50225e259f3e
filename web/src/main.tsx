import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client.js';
import { App } from './App.js';
import { RouterProvider } from './router/router.js';
import { SESSION_KEY } from './auth/SignInGate.js';
import './styles.css';

const client: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // Any 401 means the session ended (idle timeout, revoked): go back to sign-in.
    onError: (error, query) => {
      if (error instanceof ApiError && error.unauthenticated && query.queryKey[0] !== SESSION_KEY[0]) client.setQueryData(SESSION_KEY, null);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx never helps; a network blip may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <RouterProvider>
        <App />
      </RouterProvider>
    </QueryClientProvider>
  </StrictMode>,
);
